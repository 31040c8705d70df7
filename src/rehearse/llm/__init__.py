"""Rehearse's one language model: a client for any OpenAI-compatible chat server, the llama.cpp
server Rehearse runs itself with the bundled model, and the model's files.

The content judge reads the probabilities of the model's first token (``ChatClient.first_token``);
the interviewer, when ``REHEARSE_LLM_REWRITES=on``, asks the same model for JSON replies
(``ChatClient.reply``). Both go through one client, one server and one family of settings
(``REHEARSE_LLM_*``, docs/configuration.md).
"""
