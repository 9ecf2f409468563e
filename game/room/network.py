"""The laptop's networks: which IPv4 addresses phones could reach, the likely one (the default route) first.

A laptop may have Wi-Fi, Ethernet, a VPN and container bridges at once; the room listens on one address only,
the one the facilitator picks (the default route's unless they choose another).
"""

import socket
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
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

    found = []
    for iface in QNetworkInterface.allInterfaces():
        flags = iface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp or flags & QNetworkInterface.InterfaceFlag.IsLoopBack:
            continue
        for entry in iface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol and not ip.isLoopback():
                found.append(Address(ip.toString(), iface.humanReadableName() or iface.name()))
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
