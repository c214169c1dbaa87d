"""The HTTP interface: FastAPI routers over the one application object (`create_app`)."""
