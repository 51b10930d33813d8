namespace Marquee.Api.Infrastructure;

public static class SecurityHeadersSetup
{
    /// <summary>
    /// JSON endpoints get the strictest policy (nothing may load, nothing may frame them). The two
    /// browser UIs, Scalar and the dashboard, run their own bundled scripts and styles from this origin.
    /// </summary>
    public static IApplicationBuilder UseMarqueeSecurityHeaders(this IApplicationBuilder app)
    {
        var api = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyNoReferrer()
            .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().None();
                csp.AddFrameAncestors().None();
            })
            .RemoveServerHeader();

        var browserUi = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyNoReferrer()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().UnsafeInline();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self().Data();
                csp.AddConnectSrc().Self();
                csp.AddFrameAncestors().None();
            })
            .RemoveServerHeader();

        return app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/scalar") || context.Request.Path.StartsWithSegments("/dashboard"),
            ui => ui.UseSecurityHeaders(browserUi))
            .UseWhen(
                context => !(context.Request.Path.StartsWithSegments("/scalar") || context.Request.Path.StartsWithSegments("/dashboard")),
                rest => rest.UseSecurityHeaders(api));
    }
}
