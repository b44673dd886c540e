from todo_common.platform import run

run("notification_service.app:app")
