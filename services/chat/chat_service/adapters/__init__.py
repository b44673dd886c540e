"""Edges of chat-service: task-service through Dapr invocation, conversations in the Dapr
state store, the model choice."""
