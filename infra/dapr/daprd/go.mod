// Builds daprd from its Go module with a trimmed set of components.
// github.com/dapr/dapr carries replace directives, so `go install` refuses it;
// this module requires it and repeats those replace lines (keep them in sync
// with the upstream go.mod when DAPR_VERSION in versions.env changes).
// build.sh copies this module to ~/.cache and points github.com/dapr/dapr at a
// copy of the upstream source whose component registry is components.go.in.
module todo.local/daprd

go 1.24.11

require github.com/dapr/dapr v1.16.5

replace (
	dubbo.apache.org/dubbo-go/v3 => dubbo.apache.org/dubbo-go/v3 v3.0.3-0.20230118042253-4f159a2b38f3
	gopkg.in/couchbaselabs/gocbconnstr.v1 => github.com/couchbaselabs/gocbconnstr v1.0.5
)

replace (
	github.com/chenzhuoyu/iasm => github.com/chenzhuoyu/iasm v0.9.0
	github.com/chzyer/logex => github.com/chzyer/logex v1.2.1
	github.com/gobwas/pool => github.com/gobwas/pool v0.2.1
	github.com/toolkits/concurrent => github.com/niean/gotools v0.0.0-20151221085310-ff3f51fc5c60
)

// dapr v1.16.5 asks for go-etcd-cron v0.9.2 (used by the scheduler service), which the
// proxy here does not serve; v0.9.1, the version the 1.16 CLI was released with, builds.
replace github.com/diagridio/go-etcd-cron => github.com/diagridio/go-etcd-cron v0.9.1
