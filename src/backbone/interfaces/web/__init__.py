"""The web pages: server-rendered Jinja2 + htmx over the same application object as the CLI and
the API, mounted by the API's `create_app` (`install`). Sessions and CSRF tokens are the API's
(`interfaces.api.auth`); everything the browser loads is vendored under `static/`."""
