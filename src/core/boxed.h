// Boxed<T>: a T kept on the heap behind a value: copies copy the T, == compares the T's. An action holding a large
// entity by value (AddEtape's whole Etape) keeps it boxed so that the `Action` variant stays small: every action of
// an import, of its inverse and of the undo history is the size of the largest alternative.
#pragma once

#include <memory>
#include <utility>

namespace atelier {

template <class T>
class Boxed {
public:
    Boxed() : value_(std::make_unique<T>()) {}
    Boxed(const T& value) : value_(std::make_unique<T>(value)) {}             // NOLINT: implicit, like the T it holds
    Boxed(T&& value) : value_(std::make_unique<T>(std::move(value))) {}       // NOLINT
    Boxed(const Boxed& other) : value_(std::make_unique<T>(other.get())) {}
    Boxed(Boxed&& other) noexcept = default;  // `other` is left empty: it reads as a default T
    Boxed& operator=(const Boxed& other) {
        if (this != &other) value_ = std::make_unique<T>(other.get());
        return *this;
    }
    Boxed& operator=(Boxed&& other) noexcept = default;
    Boxed& operator=(const T& value) {
        get() = value;
        return *this;
    }
    Boxed& operator=(T&& value) {
        get() = std::move(value);
        return *this;
    }

    const T& get() const {
        static const T kEmpty{};
        return value_ ? *value_ : kEmpty;
    }
    T& get() {
        if (!value_) value_ = std::make_unique<T>();
        return *value_;
    }
    const T& operator*() const { return get(); }
    T& operator*() { return get(); }
    const T* operator->() const { return &get(); }
    T* operator->() { return &get(); }
    operator const T&() const { return get(); }  // NOLINT: reads as the T it holds
    operator T&() { return get(); }              // NOLINT

    friend bool operator==(const Boxed& a, const Boxed& b) { return a.get() == b.get(); }

private:
    std::unique_ptr<T> value_;
};

}  // namespace atelier
