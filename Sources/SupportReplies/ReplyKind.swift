// Placeholder: the reply domain lands with its own issue.
