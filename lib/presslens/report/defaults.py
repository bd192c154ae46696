"""Defaults the command line and the report share, in a module that imports nothing: ``presslens --help``
reads them without loading the analysis libraries."""

#: Article pages a report writes by default (the first articles in natural order).
MAX_ARTICLE_PAGES = 2000
