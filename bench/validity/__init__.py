"""Do the product's scores agree with people? Spearman rho of each competency against the
human raters' traits on rated mock interviews (the MIT Interview dataset's format), with
bootstrap intervals by student: ``python -m bench.validity RATINGS.csv [--out scores.json]``.
"""
