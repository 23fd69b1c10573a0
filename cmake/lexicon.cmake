# lexicon: sources, generated data and tests of this area.
