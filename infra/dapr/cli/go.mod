// Builds the dapr CLI from its Go module. `go install github.com/dapr/cli@VERSION`
// needs the module's version list, which the proxy here does not serve, so this
// module requires the CLI at the pinned version and builds the same main.
module todo.local/dapr-cli

go 1.24.9

// The CLI's own go.mod asks for dapr v1.16.2 and components-contrib v1.16.3, which the
// proxy here does not serve; the 1.16.5 patch releases of both are API-compatible and
// are what daprd is built from, so the CLI links the same runtime packages.
require (
	github.com/dapr/cli v1.16.5
	github.com/dapr/components-contrib v1.16.5
	github.com/dapr/dapr v1.16.5
)

// dapr v1.16.5 raises go-etcd-cron to v0.9.2, which the proxy here does not serve;
// the CLI itself was released against v0.9.1, so keep that.
replace github.com/diagridio/go-etcd-cron => github.com/diagridio/go-etcd-cron v0.9.1
