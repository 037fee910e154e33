package dev.cartera.spring.api.user;

import dev.cartera.core.team.UserService;
import dev.cartera.core.team.UserView;
import dev.cartera.spring.api.support.Versions;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The CRM users of the tenant, and the caller among them. */
@RestController
@RequestMapping("/users")
public class UserController {
    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @GetMapping("/me")
    public ResponseEntity<UserView> me() {
        UserView me = users.me();
        return Versions.ok(me, me.version());
    }

    @GetMapping
    public List<UserView> list() {
        return users.list();
    }

    @GetMapping("/{id}")
    public ResponseEntity<UserView> get(@PathVariable UUID id) {
        UserView user = users.get(id);
        return Versions.ok(user, user.version());
    }
}
