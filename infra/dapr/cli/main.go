// Command dapr is the upstream dapr CLI (github.com/dapr/cli main.go), unchanged.
package main

import "github.com/dapr/cli/cmd"

// Values for version and apiVersion are injected by the build (-ldflags -X).
var (
	version    = ""
	apiVersion = "1.0"
)

func main() {
	cmd.Execute(version, apiVersion)
}
