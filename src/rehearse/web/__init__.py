"""The HTTP layer: thin routes over the services, one error format, health and metrics."""
