"""A student on the class server, as a program: what a browser does, over HTTP and websockets.

Used by the classroom tests and by benchmarks/classroom_bench.py:

    student = Student("http://127.0.0.1:8000", "anna", password)
    student.log_in()                      # the hub's login page, like a browser
    student.start_server()                # seconds until the server is ready
    student.pull_course(repo, "main")     # what the nbgitpuller link does
    kernel = student.open_notebook("cold-business-deal/03-manpower-arithmetic.ipynb")
    kernel.run_all(cells)                 # every code cell, in order
    kernel.move_slider(comm_id, value)    # seconds until the kernel has redrawn the chart
    kernel.close()

Every call has a timeout; failures raise StudentError with what the server said.
"""

from __future__ import annotations

import html
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

import requests
import websocket

COURSE_DIR = "cold-business-deal"


class StudentError(Exception):
    """What went wrong for this student, in the server's words."""


class Student:
    def __init__(self, hub_url: str, name: str, password: str, timeout: float = 60):
        self.hub_url = hub_url.rstrip("/")
        self.name = name
        self.password = password
        self.timeout = timeout
        self.http = requests.Session()

    # ------------------------------------------------------------ the hub

    def log_in(self) -> None:
        """Fill in the hub's login page; StudentError with the page's message if refused."""
        page = self.http.get(f"{self.hub_url}/hub/login", timeout=self.timeout)
        page.raise_for_status()
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
        response = self.http.post(
            f"{self.hub_url}/hub/login",
            data={"username": self.name, "password": self.password, "_xsrf": xsrf},
            allow_redirects=False,
            timeout=self.timeout,
        )
        if response.status_code != 302:
            found = re.search(r'<p class="login_error">(.*?)</p>', response.text, re.S)
            message = html.unescape(found.group(1).strip()) if found else response.reason
            raise StudentError(f"{self.name}: login refused ({response.status_code}): {message}")

    def hub_api(self, method: str, path: str, **kwargs) -> requests.Response:
        """The hub's REST API with this student's login cookie (as JupyterHub's own pages do)."""
        headers = {"X-XSRFToken": self.http.cookies.get("_xsrf", path="/hub/") or ""}
        return self.http.request(
            method, f"{self.hub_url}/hub/api{path}", headers=headers, timeout=self.timeout, **kwargs
        )

    def start_server(self, timeout: float = 300) -> float:
        """Ask the hub for this student's server; return the seconds until it is ready."""
        start = time.monotonic()
        response = self.hub_api("POST", f"/users/{self.name}/server")
        if response.status_code not in (201, 202, 400):  # 400: already running
            raise StudentError(
                f"{self.name}: server not started: {response.status_code} {response.text}"
            )
        while time.monotonic() - start < timeout:
            model = self.hub_api("GET", f"/users/{self.name}").json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                self._open_server_page()
                return time.monotonic() - start
            if not model.get("pending") and not server:
                raise StudentError(f"{self.name}: the hub gave up starting the server")
            time.sleep(0.5)
        raise StudentError(f"{self.name}: server not ready after {timeout:.0f} s")

    def _open_server_page(self) -> None:
        """Open the server once in the 'browser': the hub's OAuth gives its cookie."""
        response = self.server("GET", "/api/status", allow_redirects=True)
        if response.status_code == 403:
            self.http.get(f"{self.hub_url}/user/{self.name}/lab", timeout=self.timeout)

    # ------------------------------------------------------------ the student's own server

    def server(self, method: str, path: str, owner: str | None = None, **kwargs):
        """A request to a Jupyter server: this student's own, or (to test isolation) another's."""
        owner = owner or self.name
        xsrf = self.http.cookies.get("_xsrf", path=f"/user/{owner}/") or ""
        kwargs.setdefault("timeout", self.timeout)
        kwargs.setdefault("allow_redirects", False)
        return self.http.request(
            method,
            f"{self.hub_url}/user/{owner}{path}",
            headers={"X-XSRFToken": xsrf},
            **kwargs,
        )

    def pull_course(self, repo: str, branch: str, targetpath: str = COURSE_DIR) -> dict:
        """What the nbgitpuller link does: open its page, then follow the pull to its end.

        Returns nbgitpuller's last message: {"phase": "finished"} or {"phase": "error", ...}.
        """
        query = urlencode({"repo": repo, "branch": branch, "targetpath": targetpath})
        page = self.server("GET", f"/git-pull?{query}", allow_redirects=True)
        if page.status_code != 200:
            raise StudentError(f"{self.name}: git-pull page: {page.status_code}")
        last: dict = {}
        deadline = time.monotonic() + 120
        with self.server("GET", f"/git-pull/api?{query}", stream=True) as stream:
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    last = json.loads(line[5:])
                    if last.get("phase") in ("finished", "error"):
                        return last
                if time.monotonic() > deadline:
                    break
        raise StudentError(f"{self.name}: the pull did not finish: {last}")

    def read_notebook(self, path: str) -> dict:
        response = self.server("GET", f"/api/contents/{quote(path)}?content=1")
        if response.status_code != 200:
            raise StudentError(f"{self.name}: cannot open {path}: {response.status_code}")
        return response.json()["content"]

    def save_notebook(self, path: str, notebook: dict) -> None:
        response = self.server(
            "PUT", f"/api/contents/{quote(path)}", json={"type": "notebook", "content": notebook}
        )
        if response.status_code not in (200, 201):
            raise StudentError(f"{self.name}: cannot save {path}: {response.status_code}")

    def open_notebook(self, path: str) -> Kernel:
        """Open a notebook as JupyterLab does: a session with a new kernel, and its websocket."""
        response = self.server(
            "POST",
            "/api/sessions",
            json={"path": path, "name": path.split("/")[-1], "type": "notebook",
                  "kernel": {"name": "python3"}},
        )  # fmt: skip
        if response.status_code != 201:
            raise StudentError(f"{self.name}: no kernel for {path}: {response.status_code}")
        session = response.json()
        kernel_id = session["kernel"]["id"]
        ws_url = self.hub_url.replace("http", "ws", 1)
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        socket = websocket.create_connection(
            f"{ws_url}/user/{self.name}/api/kernels/{kernel_id}/channels"
            f"?session_id={uuid.uuid4().hex}",
            header=[f"Cookie: {cookies}"],
            timeout=self.timeout,
        )
        return Kernel(self, session["id"], socket)


@dataclass
class Kernel:
    """One notebook's kernel, spoken to over its websocket (Jupyter messaging protocol 5.3)."""

    student: Student
    session_id: str
    socket: websocket.WebSocket
    widgets: dict = field(default_factory=dict)  # comm id -> the widget's state
    session: str = field(default_factory=lambda: uuid.uuid4().hex)

    def send(self, channel: str, msg_type: str, content: dict) -> str:
        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id,
            "msg_type": msg_type,
            "session": self.session,
            "username": self.student.name,
            "version": "5.3",
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        message = {"header": header, "parent_header": {}, "metadata": {}, "content": content}
        self.socket.send(json.dumps({**message, "channel": channel, "buffers": []}))
        return msg_id

    def wait_idle(self, msg_id: str, timeout: float = 120) -> list[dict]:
        """Messages caused by `msg_id` until the kernel is idle again."""
        caused = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.socket.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                message = json.loads(self.socket.recv())
            except websocket.WebSocketTimeoutException:
                break
            if message.get("msg_type") == "comm_open":
                data = message["content"].get("data", {})
                self.widgets[message["content"]["comm_id"]] = data.get("state", {})
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            caused.append(message)
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                return caused
        raise StudentError(f"{self.student.name}: kernel still busy after {timeout:.0f} s")

    def execute(self, code: str, timeout: float = 120) -> list[dict]:
        """Run code; return its messages. StudentError if the code raised."""
        caused = self.wait_idle(
            self.send("shell", "execute_request", {"code": code, "silent": False}), timeout
        )
        for message in caused:
            if message["msg_type"] == "error":
                content = message["content"]
                raise StudentError(f"{content['ename']}: {content['evalue']}")
        return caused

    def output_text(self, code: str) -> str:
        """What the code printed."""
        return "".join(
            m["content"].get("text", "") for m in self.execute(code) if m["msg_type"] == "stream"
        )

    def run_all(self, notebook: dict) -> None:
        """Every code cell in order, as Run All does."""
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                self.execute("".join(cell["source"]))

    def sliders(self) -> list[str]:
        """Comm ids of the sliders the notebook made, first first."""
        return [
            cid
            for cid, s in self.widgets.items()
            if s.get("_model_name", "").endswith("SliderModel")
        ]

    def move_slider(self, comm_id: str, value: float) -> tuple[float, bool]:
        """Set a slider as the browser does; return seconds until the kernel is done, and
        whether anything in the page was updated (the chart redrawn)."""
        start = time.monotonic()
        msg_id = self.send(
            "shell",
            "comm_msg",
            {"comm_id": comm_id, "data": {"method": "update", "state": {"value": value},
                                          "buffer_paths": []}},
        )  # fmt: skip
        caused = self.wait_idle(msg_id, timeout=60)
        elapsed = time.monotonic() - start
        updated = any(
            m["msg_type"] == "comm_msg" and m["content"]["comm_id"] != comm_id for m in caused
        ) or any(m["msg_type"] in ("display_data", "stream") for m in caused)
        return elapsed, updated

    def slider_values(self, comm_id: str, moves: int = 10) -> list[float]:
        """`moves` values spread over the slider's range (none equal to where it is now)."""
        state = self.widgets[comm_id]
        low, high, step = state["min"], state["max"], state.get("step") or 1
        values = []
        for i in range(1, moves + 1):
            value = low + round((high - low) * i / (moves + 1) / step) * step
            values.append(int(value) if isinstance(step, int) and isinstance(low, int) else value)
        return values

    def close(self) -> None:
        """Close the websocket and shut the kernel down (as closing the tab and the kernel)."""
        self.socket.close()
        self.student.server("DELETE", f"/api/sessions/{self.session_id}")
