// The addresses of this machine that phones can reach, best first (issue 28 point 6): a private address on a
// Wi-Fi or Ethernet interface first; link-local next; Docker, virtual-machine and VPN interfaces last; loopback
// never (a phone cannot reach it). No network at all: no address, and the console and projector say so.
#pragma once

#include <string>
#include <vector>

namespace atelier::net {

/// One IPv4 address of one interface, as the system lists it.
struct NetInterface {
    std::string name;     // « wlp2s0 », « docker0 », « Wi-Fi », « vEthernet (WSL) »…
    std::string address;  // dotted IPv4
    bool loopback = false;
    bool up = true;
};

/// The system's interfaces with an IPv4 address, in system order.
std::vector<NetInterface> listInterfaces();
/// The addresses phones may open, best first (see above); loopback and interfaces that are down left out.
std::vector<std::string> rankAddresses(const std::vector<NetInterface>& interfaces);
/// rankAddresses(listInterfaces()).
std::vector<std::string> localAddresses();
/// 10/8, 172.16/12, 192.168/16.
bool isPrivateAddress(const std::string& address);
/// A container bridge, a virtual machine's network, a VPN tunnel, by its name.
bool isVirtualInterface(const std::string& name);

/// The URLs phones open for a server on `host`:`port`: one per reachable address, best first, when `host` is
/// 0.0.0.0 (none without a network), else `host`'s.
std::vector<std::string> joinUrls(const std::string& host, int port);

}  // namespace atelier::net
