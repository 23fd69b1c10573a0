# Writes the bytes of IN as a C initializer list ("0x3c,0x21,...") to OUT;
# run as cmake -DIN=... -DOUT=... -P embed.cmake.
file(READ "${IN}" _hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," _list "${_hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" _list "${_list}")
file(WRITE "${OUT}" "${_list}\n")
