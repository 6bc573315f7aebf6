"""vieclam: labour-market information system and online job exchange of a Vietnamese province."""
