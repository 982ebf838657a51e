from __future__ import annotations

import pytest
from tipsom import charts
from tipsom.indicators import case_funnel

pytest.importorskip("matplotlib")


@pytest.mark.parametrize("threshold", [None, 5])
def test_every_chart_draws(linkage, records, threshold):
    figures = [
        charts.pyramid(linkage, suppress_below=threshold),
        charts.pyramid(records.drop("age"), unit="record", suppress_below=threshold),
        charts.exploitation(linkage, suppress_below=threshold),
        charts.trends(linkage, suppress_below=threshold),
        charts.trends(records, unit="record", period="year", suppress_below=threshold),
        charts.sources_per_person(linkage, suppress_below=threshold),
        charts.funnel(case_funnel(records)),
        charts.quality_heatmap(records),
    ]
    for fig in figures:
        assert fig.axes, "a chart has no axes"
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        if threshold == 5 and fig is figures[0]:
            # All counts here are below 5: withheld bars are marked, not drawn as 0.
            assert "x" in texts
