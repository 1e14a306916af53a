"""Reading text: folding and phrase search, paragraphs and sentences, words and what they
say (dates, numbers, names, quotations), the word lists, and edit scripts between word
sequences. The lowest layer: it imports nothing else of briefing."""
