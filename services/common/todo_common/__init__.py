"""Platform code shared by the todo services. Nothing here knows about tasks."""
