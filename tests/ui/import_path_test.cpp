// The Inscriptions import path and a drop on the window go through the store's bounded reader: a folder or a
// device typed or dropped gives a French error toast, nothing imported, no crash.
#include <filesystem>

#include "harness.h"
#include "support/cli.h"

using namespace atelier;
using namespace atelier::ui::test;

TEST_CASE("Inscriptions: a folder typed into the import path, or dropped on the window, gives a French toast") {
    atelier::test::TempDir dir("atelier-ui-import");
    Console c;
    c.show("inscriptions");
    const size_t registrations = c.etape1().registrations.size();

    c.click("import.path");
    c.typeAndEnter(dir.path.string());
    CHECK(c.lastActions.batches.empty());
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().error);
    CHECK(c.app.state().toasts.back().text.find("«\u00a0" + dir.path.string() + "\u00a0» est un dossier") != std::string::npos);

    c.app.state().toasts.clear();
    c.app.dropFile(dir.path.string());
    c.frame();
    c.frame();
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().text.find("est un dossier, pas un fichier") != std::string::npos);

    c.app.state().toasts.clear();
#ifdef _WIN32
    const std::string device = "NUL";  // a device, as /dev/zero is one on Linux
#else
    const std::string device = "/dev/zero";
#endif
    c.app.dropFile(device);
    c.frame();
    c.frame();
    REQUIRE_FALSE(c.app.state().toasts.empty());
    CHECK(c.app.state().toasts.back().text.find("«\u00a0" + device + "\u00a0» n'est pas un fichier ordinaire") != std::string::npos);

    CHECK(c.etape1().registrations.size() == registrations);
}
