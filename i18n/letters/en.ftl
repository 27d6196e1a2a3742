### outcry: the words around a letter written in English that come from a catalogue.
### English salutations, sign-offs, dates and labels follow the rules in src/conventions.rs
### (US and British usage); only the line after the writer's own words, when they wrote them
### in another language, is here.

## After the writer's own words, when they are in another language than the letter.
reply-either-language = I wrote the personal paragraph of this letter in { $writer_language }; you are welcome to reply in English or in { $writer_language }.

## Languages, as $writer_language names them.
language-en = English
language-fr = French
language-de = German
language-es = Spanish
language-it = Italian
language-he = Hebrew
language-zh = Chinese
language-ar = Arabic
language-ru = Russian
language-ja = Japanese
language-ko = Korean
language-ug = Uyghur
language-bo = Tibetan
