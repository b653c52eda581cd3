"""What the tests and the benchmarks share: the Streamlit server, the browser, and the briefings
they run on (the mini briefing in every format, the Bundestag briefing built from ../shared)."""
