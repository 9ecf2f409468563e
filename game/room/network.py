"""The laptop's networks: which IPv4 addresses phones could reach, the likely one (the default route) first.

A laptop may have Wi-Fi, Ethernet, a VPN and container bridges at once; the room listens on one address only,
the one the facilitator picks (the default route's unless they choose another).
"""

import socket
import sys
from dataclasses import dataclass

#: Interface names that are rarely the room's network (shown, but after the others).
UNLIKELY = ("docker", "br-", "virbr", "veth", "vmnet", "vboxnet", "tun", "tap", "utun", "wg", "zt", "tailscale")


@dataclass(frozen=True)
class Address:
    ip: str
    interface: str  # the interface's readable name ("Wi-Fi", "eth0", "docker0")

    def label(self) -> str:
        return f"{self.ip} · {self.interface}" if self.interface else self.ip


def default_route_ip() -> str | None:
    """The address the laptop would use to reach another network (no packet is sent: a UDP "connect" only)."""
    for target in ("192.0.2.1", "10.255.255.255"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
                probe.connect((target, 9))
                ip = probe.getsockname()[0]
        except OSError:
            continue
        if ip and not ip.startswith("127.") and ip != "0.0.0.0":
            return ip
    return None


def _interfaces() -> list[Address]:
    """Each interface's IPv4 address by name (Linux and macOS: one ioctl per interface; Windows: the host's
    addresses, without names). Plain `socket`, so the frozen app needs no QtNetwork for it (3.4 MB)."""
    found: list[Address] = []
    try:
        import fcntl
        import struct
    except ImportError:  # Windows
        fcntl = None
    if fcntl is not None and hasattr(socket, "if_nameindex"):
        request = 0xC0206921 if sys.platform == "darwin" else 0x8915  # SIOCGIFADDR
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            for _index, name in socket.if_nameindex():
                try:
                    packed = fcntl.ioctl(probe.fileno(), request, struct.pack("256s", name.encode()[:15]))
                except OSError:  # down, or no IPv4 address
                    continue
                ip = socket.inet_ntoa(packed[20:24])
                if not ip.startswith("127."):
                    found.append(Address(ip, name))
        return found
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return found
    for ip in dict.fromkeys(info[4][0] for info in infos):
        if not ip.startswith("127."):
            found.append(Address(ip, ""))
    return found


def addresses() -> list[Address]:
    """Every non-loopback IPv4 address: the default route's first, likely LANs next, bridges and VPNs last."""
    found = _interfaces()
    default = default_route_ip()
    if default and default not in [a.ip for a in found]:
        found.insert(0, Address(default, ""))

    def rank(address: Address) -> tuple:
        unlikely = address.interface.lower().startswith(UNLIKELY)
        return (address.ip != default, unlikely, address.ip.startswith("169.254."))

    return sorted(found, key=rank)
