"""Market reports: the figures of kyujin.analytics as one self-contained HTML file and a PDF."""
