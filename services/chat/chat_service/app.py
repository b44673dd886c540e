"""chat-service: the assistant and its MCP tools."""

from todo_common.platform import create_app

app = create_app(title="chat-service")
