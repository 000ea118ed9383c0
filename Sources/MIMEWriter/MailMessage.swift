// Placeholder: the MIME writer lands with its own issue.
