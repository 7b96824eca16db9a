"""Translation QA against the source: a target article checked beside the text it was
translated from.  Loaded only when a check has a source (--source, the [translation]
configuration, an XLIFF or TMX file), so a plain check never imports it."""
