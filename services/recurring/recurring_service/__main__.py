from todo_common.platform import run

run("recurring_service.app:app")
