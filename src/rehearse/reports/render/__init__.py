"""The session report as a PDF (ReportLab) and as one self-contained HTML page (Jinja2).

``render_pdf`` and ``render_html`` read a ``rehearse.feedback.report.Report`` and nothing
else. What both show is worded once (``text``), charted once (``timeline``) and coloured once
(``palette``); ``pdf``, ``charts`` and ``fonts`` draw the PDF, ``html``, ``svg`` and
``templates/report.html`` the page.
"""
