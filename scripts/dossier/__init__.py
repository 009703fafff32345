"""Big Tech in Health: the pipeline that turns raw article files into the dossier's pages.

One module per stage (ingest, clean, detect, normalize, metadata, render), each a function from the
typed records in `records` to the next; `pipeline` runs them in order and `hook` hands the result to
MkDocs.
"""
