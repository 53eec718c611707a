"""JupyterHub settings for one class on one server.

`make classroom` (tools/classroom.py) starts JupyterHub with this file and passes the class's
details in environment variables (CBD_...). Read it to see what the class server does:

- every student is a system user of their own, with a private home (mode 700); their server runs
  as that user (JupyterHub's default local-process spawner), from the course environment in
  /opt/cold-business-deal/env, which every student can run but not change;
- the student edition comes into each home by nbgitpuller, from the class's course repository,
  every time a student's server starts (their own changes are kept: nbgitpuller merges);
- servers nobody has used for an hour are stopped (jupyterhub-idle-culler);
- demo login: one class password for the students on the roster (shared-password
  authenticator). A real login (the school's OAuth or LTI, or NativeAuthenticator) goes in a
  file of your own, passed as AUTH_CONFIG: see deploy/README.md.
"""

import os
import sys
from urllib.parse import urlencode

c = get_config()  # noqa: F821 (JupyterHub provides get_config)

deploy = os.path.dirname(os.path.abspath(__file__))
state = os.environ["CBD_STATE_DIR"]  # hub database, cookie secret, logs: root only (mode 700)
course_env = os.environ["CBD_COURSE_ENV"]
students = os.environ["CBD_STUDENTS"].split()

# Where the class connects. Only 127.0.0.1 unless the teacher chose a host and a real login.
c.JupyterHub.bind_url = f"http://{os.environ['CBD_HOST']}:{os.environ['CBD_PORT']}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["CBD_HUB_PORT"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['CBD_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [
    os.path.join(deploy, "node_modules", ".bin", "configurable-http-proxy")
]
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "proxy.pid")
c.JupyterHub.pid_file = os.path.join(state, "jupyterhub.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(state, "jupyterhub.sqlite")
c.JupyterHub.upgrade_db = True  # after a JupyterHub upgrade (it backs the database up first)
# JupyterHub makes a new random cookie secret in this file the first time (mode 600).
c.JupyterHub.cookie_secret_file = os.path.join(state, "jupyterhub_cookie_secret")

# One system user per student; their server runs as them, from the shared course environment.
c.JupyterHub.spawner_class = "localprocess"
# The hub and its proxy run at a higher priority (nice -5, set by tools/classroom.py), so that
# they keep answering when every core is busy with students' kernels; `nice -n 5` puts each
# student's server back at the normal priority.
c.Spawner.cmd = ["nice", "-n", "5", os.path.join(course_env, "bin", "jupyterhub-singleuser")]
c.Spawner.notebook_dir = "~"
# Kernels talk to their server through files in the student's private home, not through TCP
# ports on 127.0.0.1 that another student's code could connect to.
c.Spawner.args = ["--KernelManager.transport=ipc"]
c.Spawner.environment = {
    "PATH": os.path.join(course_env, "bin") + ":/usr/local/bin:/usr/bin:/bin",
}
if os.environ.get("CBD_GIT_CONFIG"):
    # The course repository on this server belongs to root: this file tells git it is safe.
    c.Spawner.environment["GIT_CONFIG_SYSTEM"] = os.environ["CBD_GIT_CONFIG"]
# A whole class starting at once on a small server takes a while: wait up to 5 minutes.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300

# Every time a student's server starts, nbgitpuller brings the course (or its new version) into
# ~/cold-business-deal and opens it in JupyterLab.
# A Dutch class (make classroom LANGUAGE=nl) opens the Dutch edition, in nl/, with JupyterLab's
# menus in Dutch (settings the course environment keeps in share/jupyter/lab/settings-nl).
dutch = os.environ.get("CBD_LANGUAGE", "en") == "nl"
pull = {
    "repo": os.environ["CBD_COURSE_REPO"],
    "branch": os.environ["CBD_COURSE_BRANCH"],
    "targetpath": "cold-business-deal",
    "urlpath": "lab/tree/cold-business-deal" + ("/nl" if dutch else ""),
}
c.Spawner.default_url = "/git-pull?" + urlencode(pull)
if dutch:
    dutch_settings = os.path.join(course_env, "share", "jupyter", "lab", "settings-nl")
    c.Spawner.args.append(f"--LabApp.app_settings_dir={dutch_settings}")

# Who may log in: the students on the roster.
c.Authenticator.allowed_users = set(students)
auth_config = os.environ.get("CBD_AUTH_CONFIG", "")
if auth_config:
    load_subconfig(auth_config)  # noqa: F821 (JupyterHub provides load_subconfig)
else:
    # DEMO ONLY: one class password, made at start and shown to the teacher, stored nowhere.
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = os.environ.pop("CBD_CLASS_PASSWORD")

# Stop servers nobody has used for a while (their files stay; the next visit starts them again).
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={os.environ.get('CBD_IDLE_TIMEOUT', '3600')}",
            f"--cull-every={os.environ.get('CBD_CULL_EVERY', '60')}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
