from todo_common.platform import run

run("task_service.app:app")
