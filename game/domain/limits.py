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
