"""The routers, one module per area; `backbone.interfaces.api.app` mounts them all."""
