"""PynamoDB models and the repositories that services receive as arguments."""
