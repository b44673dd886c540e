// Command daprd is the upstream Dapr sidecar (github.com/dapr/dapr/cmd/daprd),
// built unchanged; only the component set is trimmed (see components.go.in).
package main

import "github.com/dapr/dapr/cmd/daprd/app"

func main() {
	app.Run()
}
