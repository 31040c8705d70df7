"""Key points found as people find them: hand-marked Mohler answers, each point's words
removed in turn, judged by the product (``python -m bench.judgement.keypoints``)."""
