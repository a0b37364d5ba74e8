package cn.wenzhou.renovation.testing;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** What every endpoint answers alike, checked the same way wherever it is tested. */
public final class ProblemExpectations {

    private ProblemExpectations() {}

    /** A 400 problem naming the field, in {@code errors} and in {@code detail}, and never a stack trace. */
    public static ResultActions badRequestNaming(ResultActions response, String field) throws Exception {
        return response.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                .andExpect(jsonPath("$.detail", containsString(field)))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("\tat "))));
    }

    /** A 422 problem: the one field at fault holds a date in a year the holiday calendar does not cover. */
    public static ResultActions dateNotInCalendar(ResultActions response, String field) throws Exception {
        return response.andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.code").value("DATE_NOT_IN_CALENDAR"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.detail", containsString("2020–2026")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    /** A 400 problem whose {@code errors} name exactly {@code field}, and nothing of the service's insides. */
    public static ResultActions invalidFieldExactly(ResultActions response, String field) throws Exception {
        return withoutInternals(badRequestNaming(response, field)
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.type").value("https://wenzhou-renovation.example/problems/invalid-request"))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[*].field", contains(field))));
    }

    /** The spec's {@code ProblemUnknownJurisdiction}: a 404 naming the field {@code jurisdiction} and the code asked for. */
    public static ResultActions unknownJurisdiction(ResultActions response, String code) throws Exception {
        return withoutInternals(response.andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://wenzhou-renovation.example/problems/unknown-jurisdiction"))
                .andExpect(jsonPath("$.title").value("Unknown jurisdiction"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.code").value("UNKNOWN_JURISDICTION"))
                .andExpect(jsonPath("$.detail", containsString("'" + code + "'")))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("jurisdiction"))
                .andExpect(jsonPath("$.errors[0].message", containsString(code))));
    }

    /** No stack trace, exception or class name in the body, whatever went wrong. */
    public static ResultActions withoutInternals(ResultActions response) throws Exception {
        return response.andExpect(jsonPath("$.trace").doesNotExist())
                .andExpect(jsonPath("$.exception").doesNotExist())
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("\tat "))))
                .andExpect(content().string(not(containsString("cn.wenzhou."))))
                .andExpect(content().string(not(containsString("java."))))
                .andExpect(content().string(not(containsString("springframework"))));
    }
}
