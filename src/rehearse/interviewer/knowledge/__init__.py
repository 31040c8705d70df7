"""Reference notes per topic: what a strong answer draws on, with where to check it."""
