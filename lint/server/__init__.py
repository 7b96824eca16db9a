"""`newslint serve`: checks over HTTP, for LanguageTool clients and for scripts.

`http` is the transport (routes, limits, errors); `languagetool_format` speaks LanguageTool's
/v2 API; `annotated_text` reads LanguageTool's marked-up input; `native` is newslint's own
/v1 JSON.  Each is a thin shell over lint.runner.Session, like the command line.
"""
