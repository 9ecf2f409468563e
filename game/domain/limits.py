"""How long each kind of text may be: one table for the round, the phones, the import and the library.

An idea is a sentence or two, said in a room and written on a card; a name fits a column on the projector.
The screens show a counter near these limits, the phone page and the importer refuse what is longer (with the
field named), and the library never stores more.
"""

IDEA_CHARS = 500  #: one idea's text (its title is the first line, at most TITLE_CHARS)
TITLE_CHARS = 80
NAME_CHARS = 40  #: a team, a player, a phone's name
PROMISE_CHARS = 300  #: who, first step, success sign
NOTE_CHARS = 2_000  #: a dated note of what clients said about an idea in the library
TAG_CHARS = 40
TAGS_PER_IDEA = 20
NAMES_CHARS = 8 * NAME_CHARS + 7 * 3  #: an idea's team in the library: every team that merged it, " + "-joined
CARD_ID_CHARS = 80  #: a card's id (shipped ids are a few words; users' decks are checked by check-deck)
CHECKS_PER_IDEA = 20  #: human checks an idea can pass (the shipped deck has 8): its score is at most this
DOTS_PER_IDEA = 1_000  #: dots one idea can get (8 teams of players with their dots, and room to spare)
CSV_COLUMNS = 1_000  #: columns of a CSV file to import (ours has 32)
FIRST_YEAR, LAST_YEAR = 1900, 2100  #: dates and times an imported idea may carry (in UTC and in any time zone)
IDEAS_PER_IMPORT = 250_000  #: ideas one file may bring in (the library is measured at 100 000)
