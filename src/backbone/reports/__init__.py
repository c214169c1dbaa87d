"""Reports: the analytics as a document a person can send to a coach or physio.

`document` builds the report's structure (sections, one-line readings, tables, charts);
`markdown`, `html` and `pdf` render it. `charts` is the only module that imports matplotlib and
`pdf` the only one that imports WeasyPrint.
"""
