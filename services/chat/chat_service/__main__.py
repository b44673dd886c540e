from todo_common.platform import run

run("chat_service.app:app")
