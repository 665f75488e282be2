// Which address the QR code shows (issue 28 point 6): the machine's interfaces ranked by how likely a phone on
// the room's Wi-Fi reaches them.
#include "net/addresses.h"

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#else
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/text.h"

namespace atelier::net {

namespace {

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

/// The four bytes of a dotted IPv4 address; false when it is not one.
bool octets(const std::string& address, std::array<int, 4>& out) {
    return std::sscanf(address.c_str(), "%d.%d.%d.%d", &out[0], &out[1], &out[2], &out[3]) == 4;
}

}  // namespace

bool isPrivateAddress(const std::string& address) {
    std::array<int, 4> o{};
    if (!octets(address, o)) return false;
    return o[0] == 10 || (o[0] == 172 && o[1] >= 16 && o[1] <= 31) || (o[0] == 192 && o[1] == 168);
}

bool isVirtualInterface(const std::string& name) {
    const std::string n = foldForSearch(name);
    for (std::string_view prefix : {"docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "tun", "tap", "wg", "tailscale",
                                    "zt", "utun", "lxc", "lxd", "cni", "flannel", "podman", "ppp", "ipsec", "vpn"})
        if (startsWith(n, prefix)) return true;
    for (std::string_view word : {"virtual", "virtualbox", "vmware", "hyper-v", "vethernet", "wsl", "tap-", "vpn",
                                  "tailscale", "zerotier", "wireguard", "loopback"})
        if (n.find(word) != std::string::npos) return true;
    return false;
}

std::vector<std::string> rankAddresses(const std::vector<NetInterface>& interfaces) {
    // 0: a private address on a physical interface (the room's Wi-Fi or Ethernet); 1: another address on a
    // physical one; 2: link-local (169.254: a network without DHCP); 3: virtual machines, containers, VPNs.
    std::vector<std::pair<int, std::string>> ranked;
    for (const NetInterface& i : interfaces) {
        if (!i.up || i.loopback || i.address.empty() || startsWith(i.address, "127.")) continue;
        int rank = isPrivateAddress(i.address) ? 0 : 1;
        if (startsWith(i.address, "169.254.")) rank = 2;
        if (isVirtualInterface(i.name)) rank = 3;
        ranked.emplace_back(rank, i.address);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (auto& [rank, address] : ranked)
        if (std::find(out.begin(), out.end(), address) == out.end()) out.push_back(std::move(address));
    return out;
}

std::vector<NetInterface> listInterfaces() {
    std::vector<NetInterface> out;
#ifdef _WIN32
    ULONG size = 16 * 1024;
    std::vector<unsigned char> buffer;
    ULONG rc = ERROR_BUFFER_OVERFLOW;
    for (int attempt = 0; attempt < 3 && rc == ERROR_BUFFER_OVERFLOW; ++attempt) {
        buffer.resize(size);
        rc = ::GetAdaptersAddresses(AF_INET, GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER,
                                    nullptr, reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()), &size);
    }
    if (rc != NO_ERROR) return out;
    for (auto* a = reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()); a; a = a->Next) {
        std::string name;
        if (a->FriendlyName)
            for (const wchar_t* c = a->FriendlyName; *c; ++c) name += *c < 128 ? static_cast<char>(*c) : '?';
        if (a->Description) {
            name += ' ';
            for (const wchar_t* c = a->Description; *c; ++c) name += *c < 128 ? static_cast<char>(*c) : '?';
        }
        for (auto* u = a->FirstUnicastAddress; u; u = u->Next) {
            if (!u->Address.lpSockaddr || u->Address.lpSockaddr->sa_family != AF_INET) continue;
            char text[INET_ADDRSTRLEN] = {};
            const auto* in = reinterpret_cast<const sockaddr_in*>(u->Address.lpSockaddr);
            if (!inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) continue;
            out.push_back(NetInterface{name, text, a->IfType == IF_TYPE_SOFTWARE_LOOPBACK,
                                       a->OperStatus == IfOperStatusUp});
        }
    }
#else
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (const ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        if (!inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) continue;
        out.push_back(NetInterface{a->ifa_name ? a->ifa_name : "", text, (a->ifa_flags & IFF_LOOPBACK) != 0,
                                   (a->ifa_flags & IFF_UP) != 0});
    }
    freeifaddrs(list);
#endif
    return out;
}

std::vector<std::string> localAddresses() { return rankAddresses(listInterfaces()); }

std::vector<std::string> joinUrls(const std::string& host, int port) {
    std::vector<std::string> hosts;
    if (host.empty() || host == "0.0.0.0") hosts = localAddresses();  // none: no network, no URL to project
    else hosts.push_back(host);
    std::vector<std::string> urls;
    for (const std::string& h : hosts) urls.push_back("http://" + h + ":" + std::to_string(port) + "/");
    return urls;
}

}  // namespace atelier::net
