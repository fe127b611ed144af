"""`cchc serve`: the checker as a web page for a commune office or a province server.

Starlette on uvicorn, the report templates of `reports/`, results kept in the store. Imported
only by `cchc serve`.
"""
