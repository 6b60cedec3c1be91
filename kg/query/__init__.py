"""SPARQL on the kg graph: the named-query library (``kg/query/queries/*.rq``, ``kg
queries``), read-only evaluation with bound parameters and limits (``kg query``), result
formats, and the read-only endpoint (``kg serve``, :mod:`kg.query.endpoint`, imported on
use: it needs rdflib-endpoint and uvicorn)."""

from kg.query.evaluate import QueryError, QueryLimitError, prepare_query, run_query
from kg.query.formats import format_result, result_rows
from kg.query.library import (
    NamedQuery,
    compile_query,
    load_query,
    named_queries,
    named_query,
    query_rows,
)

__all__ = ["NamedQuery", "QueryError", "QueryLimitError", "compile_query", "format_result",
           "load_query", "named_queries", "named_query", "prepare_query", "query_rows",
           "result_rows", "run_query"]
