# Builds the site into a small runtime image. PostgreSQL and Redis run outside the container;
# pass ConnectionStrings__Registry and ConnectionStrings__Redis at run time.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Registry.sln ./
COPY src/ src/
COPY web/ web/
RUN dotnet publish src/Registry.Web -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# libzbar decodes uploaded photos of QR codes (called through P/Invoke).
RUN apt-get update && apt-get install -y --no-install-recommends libzbar0 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
USER $APP_UID
# `migrate` and `seed` run as one-off containers with the same image: docker run IMAGE migrate
ENTRYPOINT ["dotnet", "Registry.Web.dll"]
CMD ["serve"]
