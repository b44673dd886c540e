from todo_common.platform import run

run("audit_service.app:app")
