"""Graph analytics on the kg graph: projections onto networkx graphs, centrality,
communities, lineage, and the write-back of scores into the RDF graph (``kg analyse``,
``kg top``). igraph and leidenalg are imported only when a function needs them."""

from kg.analyse.top import format_top, top_table
from kg.analyse.writeback import AnalysisReport, analyse_build, analyse_graph

__all__ = ["AnalysisReport", "analyse_build", "analyse_graph", "format_top", "top_table"]
